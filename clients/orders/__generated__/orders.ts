import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { BatchGetOrdersRequest as _shop_orders_v1_BatchGetOrdersRequest, BatchGetOrdersRequest__Output as _shop_orders_v1_BatchGetOrdersRequest__Output } from './shop/orders/v1/BatchGetOrdersRequest.ts';
import type { BatchGetOrdersResponse as _shop_orders_v1_BatchGetOrdersResponse, BatchGetOrdersResponse__Output as _shop_orders_v1_BatchGetOrdersResponse__Output } from './shop/orders/v1/BatchGetOrdersResponse.ts';
import type { CreateOrderItem as _shop_orders_v1_CreateOrderItem, CreateOrderItem__Output as _shop_orders_v1_CreateOrderItem__Output } from './shop/orders/v1/CreateOrderItem.ts';
import type { CreateOrderRequest as _shop_orders_v1_CreateOrderRequest, CreateOrderRequest__Output as _shop_orders_v1_CreateOrderRequest__Output } from './shop/orders/v1/CreateOrderRequest.ts';
import type { GetOrderRequest as _shop_orders_v1_GetOrderRequest, GetOrderRequest__Output as _shop_orders_v1_GetOrderRequest__Output } from './shop/orders/v1/GetOrderRequest.ts';
import type { ListOrdersByUserRequest as _shop_orders_v1_ListOrdersByUserRequest, ListOrdersByUserRequest__Output as _shop_orders_v1_ListOrdersByUserRequest__Output } from './shop/orders/v1/ListOrdersByUserRequest.ts';
import type { ListOrdersByUserResponse as _shop_orders_v1_ListOrdersByUserResponse, ListOrdersByUserResponse__Output as _shop_orders_v1_ListOrdersByUserResponse__Output } from './shop/orders/v1/ListOrdersByUserResponse.ts';
import type { Order as _shop_orders_v1_Order, Order__Output as _shop_orders_v1_Order__Output } from './shop/orders/v1/Order.ts';
import type { OrderItem as _shop_orders_v1_OrderItem, OrderItem__Output as _shop_orders_v1_OrderItem__Output } from './shop/orders/v1/OrderItem.ts';
import type { OrderServiceClient as _shop_orders_v1_OrderServiceClient, OrderServiceDefinition as _shop_orders_v1_OrderServiceDefinition } from './shop/orders/v1/OrderService.ts';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  shop: {
    orders: {
      v1: {
        BatchGetOrdersRequest: MessageTypeDefinition<_shop_orders_v1_BatchGetOrdersRequest, _shop_orders_v1_BatchGetOrdersRequest__Output>
        BatchGetOrdersResponse: MessageTypeDefinition<_shop_orders_v1_BatchGetOrdersResponse, _shop_orders_v1_BatchGetOrdersResponse__Output>
        CreateOrderItem: MessageTypeDefinition<_shop_orders_v1_CreateOrderItem, _shop_orders_v1_CreateOrderItem__Output>
        CreateOrderRequest: MessageTypeDefinition<_shop_orders_v1_CreateOrderRequest, _shop_orders_v1_CreateOrderRequest__Output>
        GetOrderRequest: MessageTypeDefinition<_shop_orders_v1_GetOrderRequest, _shop_orders_v1_GetOrderRequest__Output>
        ListOrdersByUserRequest: MessageTypeDefinition<_shop_orders_v1_ListOrdersByUserRequest, _shop_orders_v1_ListOrdersByUserRequest__Output>
        ListOrdersByUserResponse: MessageTypeDefinition<_shop_orders_v1_ListOrdersByUserResponse, _shop_orders_v1_ListOrdersByUserResponse__Output>
        Order: MessageTypeDefinition<_shop_orders_v1_Order, _shop_orders_v1_Order__Output>
        OrderItem: MessageTypeDefinition<_shop_orders_v1_OrderItem, _shop_orders_v1_OrderItem__Output>
        /**
         * Reads and places orders. Batch calls take at most 100 ids.
         */
        OrderService: SubtypeConstructor<typeof grpc.Client, _shop_orders_v1_OrderServiceClient> & { service: _shop_orders_v1_OrderServiceDefinition }
        OrderStatus: EnumTypeDefinition
      }
    }
  }
}

