import { Ajv } from "ajv";
import Type from "typebox";
import { Compile } from "typebox/compile";

const ajv = new Ajv();

export function isUser(data: unknown): boolean {
  const validate = ajv.compile({ type: "object", properties: { name: { type: "string" } }, required: ["name"] });
  return validate(data);
}

export const isTag = (data: unknown): boolean => Compile(Type.String({ minLength: 1 })).Check(data);
