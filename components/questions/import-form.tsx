"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { IMPORT_IDLE, type ImportFormState } from "./import-form-state";

const control =
  "w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100";
const okBorder = "border-slate-300 dark:border-slate-700";
const badBorder = "border-rose-500 dark:border-rose-500";

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-rose-700 dark:text-rose-400">
      {message}
    </p>
  );
}

export function ImportForm({
  action,
  maxBytes,
}: {
  action: (state: ImportFormState, formData: FormData) => Promise<ImportFormState>;
  maxBytes: number;
}) {
  const [state, formAction, pending] = useActionState(action, IMPORT_IDLE);
  // Checked before upload: a body over the server action limit would fail with a generic error.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const errors = state.fieldErrors ?? {};
  const fileError = tooLarge ?? errors.file;
  const maxKb = Math.floor(maxBytes / 1024);
  return (
    <div className="space-y-5">
      <form
        key={`${state.status}-${state.values?.fileName ?? ""}-${state.values?.text.length ?? 0}`}
        action={formAction}
        noValidate
        className="space-y-4 rounded-xl border border-slate-200 bg-white shadow-sm p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
        onSubmit={(event) => {
          if (tooLarge) event.preventDefault();
        }}
      >
        <div>
          <span id="import-file-label" className="mb-1 block text-sm font-medium">
            마크다운 파일
          </span>
          {/* The native control would speak the browser's language ("Choose File"); the input
              stays focusable for the keyboard and the label is its Korean face. */}
          <div className="flex flex-wrap items-center gap-3">
            <input
              id="import-file"
              name="file"
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              aria-labelledby="import-file-label"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={`import-file-name-shown import-file-hint${fileError ? " import-file-error" : ""}`}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                setChosen(file ? file.name : null);
                setTooLarge(file && file.size > maxBytes ? `파일이 너무 큽니다 (${Math.ceil(file.size / 1024)}KB). ${maxKb}KB 이하만 올릴 수 있습니다.` : null);
              }}
              className="peer sr-only"
            />
            <label
              htmlFor="import-file"
              className="cursor-pointer rounded-md bg-slate-800 px-3 py-2 text-sm font-semibold text-white peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-sky-500 hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
            >
              파일 고르기
            </label>
            <span id="import-file-name-shown" className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-400">
              {chosen ?? "고른 파일 없음"}
            </span>
          </div>
          <p id="import-file-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
            UTF-8 텍스트(.md), {maxKb}KB 이하. 파일을 고르면 아래 붙여넣기 칸은 무시됩니다.
          </p>
          <FieldError id="import-file-error" message={fileError ?? undefined} />
        </div>
        <div className="flex items-center gap-3 text-xs text-slate-500 dark:text-slate-400" aria-hidden="true">
          <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
          또는
          <span className="h-px flex-1 bg-slate-200 dark:bg-slate-700" />
        </div>
        <div>
          <label htmlFor="import-text" className="mb-1 block text-sm font-medium">
            내용 붙여넣기
          </label>
          <textarea
            id="import-text"
            name="text"
            rows={8}
            defaultValue={state.values?.text ?? ""}
            placeholder={"### 문제 1\nLambda 함수의 최대 실행 시간은?\n- [ ] 5분\n- [x] 15분\n- [ ] 60분"}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? "import-text-error" : undefined}
            className={`${control} font-mono ${errors.text ? badBorder : okBorder}`}
          />
          <FieldError id="import-text-error" message={errors.text} />
        </div>
        <div>
          <label htmlFor="import-file-name" className="mb-1 block text-sm font-medium">
            은행 이름 <span className="text-xs font-normal text-slate-500 dark:text-slate-400">(붙여넣을 때, 선택)</span>
          </label>
          <input
            id="import-file-name"
            name="fileName"
            defaultValue={state.values?.fileName ?? ""}
            placeholder="community-bank.md"
            maxLength={120}
            aria-invalid={errors.fileName ? true : undefined}
            aria-describedby={errors.fileName ? "import-file-name-error" : undefined}
            className={`${control} ${errors.fileName ? badBorder : okBorder}`}
          />
          <FieldError id="import-file-name-error" message={errors.fileName} />
        </div>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 disabled:opacity-60 dark:bg-sky-700 dark:hover:bg-sky-800"
        >
          {pending ? "가져오는 중…" : "가져오기"}
        </button>
        {state.status === "error" && state.message && (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-500/10 dark:text-rose-200">
            {state.message}
          </p>
        )}
      </form>

      {state.status === "confirm" && state.confirm && <ImportConfirm confirm={state.confirm} message={state.message} formAction={formAction} pending={pending} />}
      {state.status === "success" && state.report && <ImportReport report={state.report} />}
    </div>
  );
}

/**
 * The importer would archive questions or create a second copy of a bank: nothing is written
 * until the learner picks one of the choices (each carries the token of the plan it answers).
 * The file's text travels back with the choice because an uploaded file cannot be read again.
 */
function ImportConfirm({
  confirm,
  message,
  formAction,
  pending,
}: {
  confirm: NonNullable<ImportFormState["confirm"]>;
  message?: string;
  formAction: (formData: FormData) => void;
  pending: boolean;
}) {
  return (
    <section aria-labelledby="import-confirm-title" className="rounded-xl border border-amber-300 bg-amber-50 p-4 sm:p-5 dark:border-amber-800 dark:bg-amber-950/30">
      <h2 id="import-confirm-title" className="font-semibold text-amber-950 dark:text-amber-100">
        가져오기 전에 확인해 주세요: {confirm.fileName}
      </h2>
      {message && <p className="mt-1 text-sm font-semibold text-amber-900 dark:text-amber-200">{message}</p>}
      <p role="status" className="mt-1 text-sm text-amber-950 dark:text-amber-100">
        {confirm.question}
      </p>
      <p className="mt-1 text-xs text-amber-900 dark:text-amber-300">
        이 파일: 가져올 수 있는 문제 {confirm.questions}개 · 건너뛸 문제 {confirm.skipped}개 · 경고 {confirm.warnings}개 · 문제가 아닌 절 {confirm.sections}개. 아직 아무것도 저장하지 않았습니다.
      </p>
      <ul className="mt-3 space-y-2">
        {confirm.choices.map((choice) => (
          <li key={choice.token + (choice.intoBankId ?? "")}>
            <form action={formAction} className="flex flex-col gap-2 rounded-lg border border-amber-200 bg-white p-3 sm:flex-row sm:items-center sm:justify-between dark:border-amber-900 dark:bg-slate-900">
              <input type="hidden" name="confirmToken" value={choice.token} />
              <input type="hidden" name="intoBankId" value={choice.intoBankId ?? ""} />
              <input type="hidden" name="confirmFileName" value={confirm.fileName} />
              <textarea name="confirmContent" defaultValue={confirm.content} hidden readOnly aria-hidden="true" tabIndex={-1} />
              <span className="min-w-0 text-sm">
                <span className="block font-semibold">{choice.label}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">{choice.detail}</span>
              </span>
              <button
                type="submit"
                disabled={pending}
                className="shrink-0 rounded-md bg-amber-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-800 disabled:opacity-60 dark:bg-amber-700 dark:hover:bg-amber-800"
              >
                {pending ? "가져오는 중…" : "이렇게 가져오기"}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-amber-900 dark:text-amber-300">그만두려면 아무것도 누르지 않으면 됩니다. 위 양식으로 다른 파일을 가져올 수도 있습니다.</p>
    </section>
  );
}

function LineTable({ caption, fileName, entries, label }: { caption: string; fileName: string; entries: { line: number; message: string }[]; label: string }) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full min-w-72 text-left text-sm">
        <caption className="mb-1 text-left text-xs font-semibold text-slate-600 dark:text-slate-400">{caption}</caption>
        <thead>
          <tr className="border-b border-emerald-200 dark:border-emerald-800">
            <th scope="col" className="w-px py-1.5 pr-4 font-semibold whitespace-nowrap">
              위치
            </th>
            <th scope="col" className="py-1.5 font-semibold">
              {label}
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry, index) => (
            <tr key={`${entry.line}-${index}`} className="border-b border-emerald-100 last:border-0 dark:border-emerald-900">
              <td className="py-1.5 pr-4 align-top font-mono whitespace-nowrap">
                {fileName}:{entry.line}
              </td>
              <td className="py-1.5 align-top break-words">{entry.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ImportReport({ report }: { report: NonNullable<ImportFormState["report"]> }) {
  return (
    <section
      aria-labelledby="import-report-title"
      className="rounded-xl border border-emerald-300 bg-emerald-50 p-4 dark:border-emerald-800 dark:bg-emerald-950/30"
    >
      <h2 id="import-report-title" className="font-semibold text-emerald-900 dark:text-emerald-200">
        가져오기 결과: {report.fileName}
      </h2>
      <p role="status" className="mt-1 text-sm">
        <strong>{report.imported}개</strong> 문제를 가져왔습니다 (새 문제 {report.added}개 · 바뀐 문제 {report.updated}개
        {report.archived > 0 ? ` · 보관 ${report.archived}개` : ""})
        {report.skipped.length > 0 ? `, ${report.skipped.length}개는 건너뛰었습니다.` : "."}{" "}
        {report.imported > 0 && (
          <Link href={`/questions?bank=${encodeURIComponent(report.bankId)}`} className="font-semibold text-sky-800 underline underline-offset-2 dark:text-sky-300">
            가져온 문제 보기
          </Link>
        )}
      </p>
      {report.warnings.length > 0 && <LineTable caption={`가져왔지만 바꾼 것 (${report.warnings.length})`} fileName={report.fileName} entries={report.warnings} label="내용" />}
      {report.skipped.length > 0 && <LineTable caption={`건너뛴 문제 (${report.skipped.length})`} fileName={report.fileName} entries={report.skipped} label="사유" />}
      {report.sections.length > 0 && (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs font-semibold text-slate-600 dark:text-slate-400">
            문제가 아닌 절 {report.sections.length}개 (선택지도 정답 줄도 없는 제목: 목차, 소개, Support 등)
          </summary>
          <LineTable caption="문제가 아닌 절" fileName={report.fileName} entries={report.sections} label="제목" />
        </details>
      )}
    </section>
  );
}

