import { z } from "zod";

const isPositive = (n: number) => n > 0;

export class Order {
  // an instance field runs once per `new Order()`.
  readonly quantity = z.number().refine(isPositive, "must be positive");

  constructor(readonly max: number) {}

  readonly limit = z.number().refine((n) => n <= this.max);
}
