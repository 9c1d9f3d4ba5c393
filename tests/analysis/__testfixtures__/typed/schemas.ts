import { z } from "zod";
export const age = z.number();
