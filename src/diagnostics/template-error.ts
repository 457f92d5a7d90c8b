import { error, type Diagnostic, type Position } from "./diagnostic.js";

/** A mistake in a template (not in the data): reported at the template file and line. */
export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message);
  }
}

export function templateError(file: string, pos: Position, message: string): TemplateError {
  return new TemplateError(error(file, pos, message));
}
