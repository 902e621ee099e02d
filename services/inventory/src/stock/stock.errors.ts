import { Conflict, InvalidData, NotFound } from '@mercato/chassis';

export class SkuNotFound extends NotFound {
  constructor(sku: string) {
    super(`Inventory has no record of SKU ${sku}`);
  }
}

export class WarehouseNotFound extends NotFound {
  constructor(code: string) {
    super(`No warehouse has the code ${code}`);
  }
}

export class WarehouseCodeTaken extends Conflict {
  constructor(code: string) {
    super(`A warehouse with the code ${code} exists already`, { warehouse: code }, 'warehouse_code_taken');
  }
}

export class TooManyWarehouses extends Conflict {
  constructor(max: number) {
    super(`A shop has at most ${max} warehouses`, { max }, 'too_many_warehouses');
  }
}

/** An adjustment that would leave less on hand than is reserved (or below zero). */
export class BelowReserved extends Conflict {
  constructor(levels: { onHand: number; reserved: number; delta: number }) {
    super(
      `The adjustment would leave ${levels.onHand + levels.delta} on hand while ${levels.reserved} is reserved`,
      { onHand: levels.onHand, reserved: levels.reserved, delta: levels.delta },
      'stock_below_reserved',
    );
  }
}

export class ZeroDelta extends InvalidData {
  constructor() {
    super('An adjustment changes stock: delta must not be 0', [{ pointer: '/delta', message: 'must not be 0' }]);
  }
}
