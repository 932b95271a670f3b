/**
 * Upper bounds for list fields whose `@listSize(assumedSize)` is a typical size, not a maximum,
 * by schema coordinate. The estimate uses the larger of the two, so it stays an upper bound of
 * the actual cost.
 */
export const LIST_BOUNDS: Readonly<Record<string, number>> = {
  // The orders service refuses orders of more than 100 lines (the gateway places at most 50,
  // but orders placed elsewhere are served too); typical orders hold 1 to 5.
  'Order.items': 100,
  // The accounts service seeds 1 to 3 addresses per user and offers no way to add one.
  'User.addresses': 3,
};

/** List size used when a list field has no slicing argument, no assumed size and no bound above. */
export const DEFAULT_LIST_SIZE = 100;
