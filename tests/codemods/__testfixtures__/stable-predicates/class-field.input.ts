import { z } from "zod";

export class Order {
  // an instance field runs once per `new Order()`.
  readonly quantity = z.number().refine((n: number) => n > 0, "must be positive");

  constructor(readonly max: number) {}

  readonly limit = z.number().refine((n) => n <= this.max);
}
