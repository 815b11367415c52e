"use client";

import Link from "next/link";
import { useActionState } from "react";
import { EmptyState } from "@/components/ui/empty-state";
import { IDLE, type RemoveBankFormState } from "./form-state";

export interface ImportedBankItem {
  id: string;
  title: string;
  sourceFile: string | null;
  /** formatted on the server so the client renders the same text (no time-zone mismatch) */
  createdLabel: string;
  questionCount: number;
}

type RemoveAction = (state: RemoveBankFormState, formData: FormData) => Promise<RemoveBankFormState>;

/**
 * Removal asks first inside a <details>: it needs no script to work, is reachable by keyboard,
 * and one stray click cannot delete a bank.
 */
function RemoveBank({ bank, action }: { bank: ImportedBankItem; action: RemoveAction }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <details className="group">
      <summary className="inline-flex cursor-pointer list-none items-center rounded-md border border-rose-300 px-3 py-1.5 text-sm font-semibold text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950/40 [&::-webkit-details-marker]:hidden">
        <span className="group-open:hidden">삭제</span>
        <span className="hidden group-open:inline">취소</span>
      </summary>
      <form action={formAction} className="mt-2 rounded-md border border-rose-200 bg-rose-50 p-3 text-sm dark:border-rose-900 dark:bg-rose-950/30">
        <input type="hidden" name="bankId" value={bank.id} />
        <p>
          &lsquo;{bank.title}&rsquo;의 문제 {bank.questionCount}개와 그 복습 기록이 모두 지워집니다. 계속할까요?
        </p>
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded-md bg-rose-700 px-3 py-1.5 font-semibold text-white hover:bg-rose-800 disabled:opacity-60 dark:bg-rose-600 dark:hover:bg-rose-500"
        >
          {pending ? "삭제 중…" : "삭제 확인"}
        </button>
        {state.status === "error" && (
          <p role="alert" className="mt-2 text-rose-800 dark:text-rose-300">
            {state.message}
          </p>
        )}
      </form>
    </details>
  );
}

export function ImportedBankList({ banks, removeAction }: { banks: ImportedBankItem[]; removeAction: RemoveAction }) {
  if (banks.length === 0) {
    return (
      <EmptyState title="아직 가져온 문제 은행이 없습니다." icon="file">
        위 양식으로 마크다운 파일을 올리면 여기에 은행이 생깁니다.
      </EmptyState>
    );
  }
  return (
    <ul className="space-y-3" aria-label="가져온 문제 은행">
      {banks.map((bank) => (
        <li
          key={bank.id}
          className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white shadow-sm p-4 sm:flex-row sm:items-start sm:justify-between dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="min-w-0">
            <h3 className="font-semibold">{bank.title}</h3>
            <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
              {bank.sourceFile && <span className="font-mono">{bank.sourceFile} · </span>}
              문제 {bank.questionCount}개 · {bank.createdLabel}
            </p>
            <Link href={`/questions?bank=${encodeURIComponent(bank.id)}`} className="mt-1 inline-block text-sm text-sky-700 hover:underline dark:text-sky-400">
              이 은행의 문제 보기
            </Link>
          </div>
          <RemoveBank bank={bank} action={removeAction} />
        </li>
      ))}
    </ul>
  );
}
