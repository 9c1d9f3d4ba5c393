import { z } from "zod";

// Registration and other calls would run once instead of per call: left for a person to decide.
export const withId = (body: unknown) => z.object({ id: z.string().default(crypto.randomUUID()) }).parse(body);
export const registered = (body: unknown) => z.object({ a: z.string() }).meta({ id: "Registered" }).parse(body);
// Reads a local whose type is unknown without type information: left.
export const limited = (body: unknown, options: { max: number }) => z.string().max(options.max).parse(body);
