// What /questions/import's form and its server action exchange (app/questions/import/actions.ts).
// Plain data only: it crosses the server/client boundary.

export interface ImportLine {
  line: number;
  message: string;
}

/** One way the learner can answer the importer's question; its token names the plan it answers. */
export interface ImportChoice {
  token: string;
  /** null: the bank named after the file (new, or the one it updates) */
  intoBankId: string | null;
  label: string;
  detail: string;
}

export interface ImportFormState {
  status: "idle" | "error" | "success" | "confirm";
  message?: string;
  fieldErrors?: { file?: string; text?: string; fileName?: string };
  /** what the learner typed, so a refused form keeps it */
  values?: { text: string; fileName: string };
  report?: {
    fileName: string;
    bankId: string;
    imported: number;
    added: number;
    updated: number;
    archived: number;
    skipped: ImportLine[];
    warnings: ImportLine[];
    /** headings that are not questions ("문제가 아닌 절") */
    sections: ImportLine[];
  };
  /** the importer would archive questions or duplicate a bank: nothing is written until the learner picks */
  confirm?: {
    fileName: string;
    /** the file's text, sent back with the choice (an upload cannot be re-read) */
    content: string;
    question: string;
    choices: ImportChoice[];
    questions: number;
    skipped: number;
    warnings: number;
    sections: number;
  };
}

export const IMPORT_IDLE: ImportFormState = { status: "idle" };
