// Just enough of an express-style request/response pair to write handlers against (no server needed).
export interface Request {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
}

export interface Response {
  status(code: number): Response;
  json(body: unknown): void;
}

export type Handler = (req: Request, res: Response) => void;

/** A response that records what the handler sent: used by `runAll` and by tests. */
export function recordResponse(): Response & { readonly sent: { status: number; body: unknown } } {
  const sent = { status: 200, body: undefined as unknown };
  const res = {
    sent,
    status(code: number) {
      sent.status = code;
      return res;
    },
    json(body: unknown) {
      sent.body = body;
    },
  };
  return res;
}
