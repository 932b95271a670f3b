import { Server, ServerCredentials } from '@grpc/grpc-js';
import type { BackendServerOptions } from '../server-options.ts';
import type { RunningServer } from '../http/http-backend.ts';
import type { OrderServiceHandlers } from '../../clients/orders/__generated__/shop/orders/v1/OrderService.ts';
import { loadOrdersProto } from '../../clients/orders/proto.ts';
import { createOrderHandler } from './create-order.ts';
import { batchGetOrders, getOrder, listOrdersByUser } from './queries.ts';
import { unary } from './rpc.ts';

/** How long `close()` lets calls in flight finish before cutting them off, in milliseconds. */
export const ORDERS_SHUTDOWN_GRACE_MS = 500;

/**
 * Starts the orders reference backend (gRPC, contracts/orders.proto) on `host:port`.
 * The returned `url` is the gRPC target, `host:port`.
 */
export async function startOrders(options: BackendServerOptions): Promise<RunningServer> {
  const { dataset, control } = options;
  const { OrderService } = loadOrdersProto().shop.orders.v1;
  const handlers: OrderServiceHandlers = {
    GetOrder: unary({ control, method: 'GetOrder' }, (request) => getOrder(dataset, request)),
    BatchGetOrders: unary({ control, method: 'BatchGetOrders', keys: (request) => request.ids.length }, (request) => batchGetOrders(dataset, request)),
    ListOrdersByUser: unary({ control, method: 'ListOrdersByUser' }, (request) => listOrdersByUser(dataset, request)),
    CreateOrder: unary({ control, method: 'CreateOrder' }, createOrderHandler(dataset)),
  };
  const server = new Server();
  server.addService(OrderService.service, handlers);

  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${options.port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound)));
  });

  return {
    url: `${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        // Calls still held by a fault (hang) would keep tryShutdown waiting forever.
        const timer = setTimeout(() => {
          server.forceShutdown();
          resolve();
        }, ORDERS_SHUTDOWN_GRACE_MS);
        server.tryShutdown(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
  };
}
