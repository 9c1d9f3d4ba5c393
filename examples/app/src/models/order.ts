// A class whose instance fields hold arktype schemas: every `new OrderDesk()` builds them again,
// and arktype registers every function it is given for the life of the process.
import { type } from "arktype";

export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
}

export class OrderDesk {
  readonly maxQuantity: number;

  private readonly line = type({ sku: "string", quantity: "number" }).narrow((l) => l.quantity > 0);

  private readonly quantityLimit = type("number").narrow((n) => n <= this.maxQuantity);

  constructor(maxQuantity: number) {
    this.maxQuantity = maxQuantity;
  }

  accepts(input: OrderLine): boolean {
    const line = this.line(input);
    if (line instanceof type.errors) return false;
    return !(this.quantityLimit(line.quantity) instanceof type.errors);
  }
}
