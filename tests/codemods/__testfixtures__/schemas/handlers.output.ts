// Request handlers that build their schemas per request (zod, valibot, arktype).
import { z } from "zod";
import * as v from "valibot";
import { type } from "arktype";

const Tenant = z.enum(["acme", "globex"]);

// the shape of a new user
const userSchema = z.object({
  name: z.string().min(1),
  email: z.string().email(),
  tenant: Tenant,
});

export const createUser = (body: unknown) => {
  return userSchema.parse(body);
};

const listUsersSchema = v.object({ limit: v.optional(v.string()) });

export const listUsers = (query: unknown) => v.parse(listUsersSchema, query);

const isPointSchema = type({ x: "number", y: "number" });

export const isPoint = (data: unknown) => isPointSchema.allows(data);
