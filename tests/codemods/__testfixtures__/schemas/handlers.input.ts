// Request handlers that build their schemas per request (zod, valibot, arktype).
import { z } from "zod";
import * as v from "valibot";
import { type } from "arktype";

const Tenant = z.enum(["acme", "globex"]);

export const createUser = (body: unknown) => {
  // the shape of a new user
  const userSchema = z.object({
    name: z.string().min(1),
    email: z.string().email(),
    tenant: Tenant,
  });
  return userSchema.parse(body);
};

export const listUsers = (query: unknown) => v.parse(v.object({ limit: v.optional(v.string()) }), query);

export const isPoint = (data: unknown) => type({ x: "number", y: "number" }).allows(data);
