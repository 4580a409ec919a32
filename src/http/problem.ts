import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { AppError, type ErrorCode, errorCodes } from "../platform/errors.ts";

/** RFC 9457 problem details, with our stable `code` and the field at fault. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  field?: string;
  instance?: string;
  [key: string]: unknown;
}

const titles: Record<number, string> = {
  400: "Bad request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Payload too large",
  415: "Unsupported media type",
  423: "Locked",
  429: "Too many requests",
  500: "Internal server error",
};

interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

function fieldOf(issue: ValidationIssue): string {
  const path = issue.instancePath.replace(/^\//, "");
  const extra = issue.params.missingProperty ?? issue.params.additionalProperty;
  if (typeof extra === "string") return path ? `${path}/${extra}` : extra;
  return path || "body";
}

function describe(issue: ValidationIssue, field: string): string {
  if (issue.keyword === "additionalProperties") return `${field}: this field is not known here`;
  if (issue.keyword === "required") return `${field}: this field is required`;
  if (issue.keyword === "enum" && Array.isArray(issue.params.allowedValues)) {
    return `${field}: must be one of ${issue.params.allowedValues.join(", ")}`;
  }
  return `${field}: ${issue.message ?? "is not valid"}`;
}

export function toProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof AppError) {
    const status = errorCodes[error.code];
    return {
      type: `https://samraad.dk/problems/${error.code}`,
      title: titles[status] ?? "Error",
      status,
      detail: error.message,
      code: error.code,
      instance: request.url,
      ...error.details,
    };
  }
  const fastifyError = error as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fastifyError.validation?.length) {
    // Prefer the most specific issue: anyOf wrappers are reported after their branches.
    const issue = fastifyError.validation.find((i) => i.keyword !== "anyOf") ?? fastifyError.validation[0];
    if (issue) {
      const field = fieldOf(issue);
      const where = fastifyError.validationContext === "body" ? "" : `${fastifyError.validationContext} `;
      return {
        type: "https://samraad.dk/problems/validation.invalid",
        title: titles[400] ?? "Bad request",
        status: 400,
        detail: `${where}${describe(issue, field)}`,
        code: "validation.invalid",
        field,
        instance: request.url,
      };
    }
  }
  const status = fastifyError.statusCode && fastifyError.statusCode < 500 ? fastifyError.statusCode : 500;
  return {
    type: status === 500 ? "https://samraad.dk/problems/internal" : "about:blank",
    title: titles[status] ?? "Error",
    status,
    detail: status === 500 ? "Something went wrong on the server; it has been logged" : fastifyError.message,
    code: status === 500 ? "internal" : "validation.invalid",
    instance: request.url,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type("application/problem+json").send(problem);
}
