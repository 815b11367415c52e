// Shapes passed between the card-browser actions and their forms.
export interface CardOperationState {
  status: "idle" | "done" | "error";
  message: string | null;
  /** undoes the operation just done (null when nothing changed or after an undo) */
  undoToken: string | null;
}

export const IDLE_OPERATION_STATE: CardOperationState = { status: "idle", message: null, undoToken: null };
