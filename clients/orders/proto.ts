import path from 'node:path';
import { loadPackageDefinition } from '@grpc/grpc-js';
import { loadSync, type Options } from '@grpc/proto-loader';
import type { ProtoGrpcType } from './__generated__/orders.ts';

/** Absolute path of the orders contract. */
export const ORDERS_PROTO_PATH = path.resolve(import.meta.dirname, '../../contracts/orders.proto');

/**
 * How messages are converted to JS objects, for the client and the reference backend alike.
 * scripts/codegen-proto.ts passes the same values to proto-loader-gen-types, so the generated
 * types describe exactly what the loader produces: camelCase fields, int64 as number, enums as
 * their names, every field present, proto3 `optional` presence kept.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: false,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
} as const satisfies Options;

/** Loads the contract and returns its typed package tree (`shop.orders.v1`). */
export function loadOrdersProto(): ProtoGrpcType {
  const definition = loadSync(ORDERS_PROTO_PATH, PROTO_LOADER_OPTIONS);
  // proto-loader builds the tree at run time; the generated ProtoGrpcType is its static shape.
  return loadPackageDefinition(definition) as unknown as ProtoGrpcType;
}
