import { status } from '@grpc/grpc-js';
import type { Dataset, OrderRecord } from '../data/model.ts';
import type { BatchGetOrdersRequest__Output } from '../../clients/orders/__generated__/shop/orders/v1/BatchGetOrdersRequest.ts';
import type { BatchGetOrdersResponse } from '../../clients/orders/__generated__/shop/orders/v1/BatchGetOrdersResponse.ts';
import type { GetOrderRequest__Output } from '../../clients/orders/__generated__/shop/orders/v1/GetOrderRequest.ts';
import type { ListOrdersByUserRequest__Output } from '../../clients/orders/__generated__/shop/orders/v1/ListOrdersByUserRequest.ts';
import type { ListOrdersByUserResponse } from '../../clients/orders/__generated__/shop/orders/v1/ListOrdersByUserResponse.ts';
import { ORDER_STATUSES } from '../../clients/orders/types.ts';
import { decodePageToken, encodePageToken } from './page-token.ts';
import { RpcError, invalidArgument } from './rpc.ts';

/** Most ids one BatchGetOrders call takes, and the largest page. */
export const ORDERS_BATCH_LIMIT = 100;
const DEFAULT_PAGE_SIZE = 20;

/** GetOrder: one order by id. */
export function getOrder(dataset: Dataset, request: GetOrderRequest__Output): OrderRecord {
  if (!request.id) throw invalidArgument('id', 'required');
  const order = dataset.orders.get(request.id);
  if (!order) throw new RpcError(status.NOT_FOUND, `order ${request.id} not found`);
  return order;
}

/** BatchGetOrders: found orders in request order, unknown ids in `missingIds`, duplicates once. */
export function batchGetOrders(dataset: Dataset, request: BatchGetOrdersRequest__Output): BatchGetOrdersResponse {
  const { ids } = request;
  if (ids.length === 0) throw invalidArgument('ids', 'at least one id is required');
  if (ids.length > ORDERS_BATCH_LIMIT) throw invalidArgument('ids', `at most ${ORDERS_BATCH_LIMIT} ids per call, got ${ids.length}`);
  const index = ids.findIndex((id) => !id);
  if (index >= 0) throw invalidArgument(`ids[${index}]`, 'must not be empty');
  const orders: OrderRecord[] = [];
  const missingIds: string[] = [];
  for (const id of new Set(ids)) {
    const order = dataset.orders.get(id);
    if (order) orders.push(order);
    else missingIds.push(id);
  }
  return { orders, missingIds };
}

/** ListOrdersByUser: one page of a user's orders, newest first, optionally of one status. */
export function listOrdersByUser(dataset: Dataset, request: ListOrdersByUserRequest__Output): ListOrdersByUserResponse {
  if (!request.userId) throw invalidArgument('user_id', 'required');
  if (request.pageSize < 0 || request.pageSize > ORDERS_BATCH_LIMIT) throw invalidArgument('page_size', `must be between 1 and ${ORDERS_BATCH_LIMIT} (0 = ${DEFAULT_PAGE_SIZE})`);
  const pageSize = request.pageSize || DEFAULT_PAGE_SIZE;
  const wanted = request.status === undefined || request.status === 'ORDER_STATUS_UNSPECIFIED' ? undefined : request.status;
  // Unknown enum numbers arrive as numbers: the loader only names values it knows.
  if (wanted !== undefined && !(ORDER_STATUSES as readonly unknown[]).includes(wanted)) throw invalidArgument('status', 'unknown order status');

  const all = dataset.ordersByUser.get(request.userId) ?? [];
  let start = 0;
  if (request.pageToken) {
    const lastId = decodePageToken(request.pageToken);
    const at = all.findIndex((order) => order.id === lastId);
    if (at < 0) throw invalidArgument('page_token', 'does not belong to this user');
    start = at + 1;
  }
  const matches = (order: OrderRecord): boolean => wanted === undefined || order.status === wanted;
  const page: OrderRecord[] = [];
  let more = false;
  for (const order of all.slice(start)) {
    if (!matches(order)) continue;
    if (page.length === pageSize) {
      more = true;
      break;
    }
    page.push(order);
  }
  const last = page.at(-1);
  const totalSize = wanted === undefined ? all.length : all.filter(matches).length;
  return { orders: page, nextPageToken: more && last ? encodePageToken(last.id) : '', totalSize };
}
