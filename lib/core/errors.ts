// One error family (STYLE.md habit 7). Messages are Korean because they reach the learner;
// `code` is stable for programs and tests. Mapped to HTTP status / form state in one place
// (lib/server/http.ts).
export class AppError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Bad input: the value and what was expected belong in the message. */
export class ValidationError extends AppError {
  constructor(message: string, code = "validation") {
    super(message, code);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, code = "not_found") {
    super(message, code);
  }
}

/** A stale or duplicate write: the state the client saw is no longer current. */
export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(message, code);
  }
}
