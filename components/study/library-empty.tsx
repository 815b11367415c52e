import { EmptyState } from "@/components/ui/empty-state";

/** Shown wherever the library has no topics yet: the one command that fills it. */
export function LibraryEmpty() {
  return (
    <EmptyState title="아직 불러온 노트가 없습니다" icon="book">
      <p>
        <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-800 dark:bg-slate-800 dark:text-slate-200">content/notes</code> 폴더에 마크다운
        노트를 넣고 터미널에서 아래 명령을 실행하세요.
      </p>
      <pre className="mt-3 inline-block rounded-lg bg-slate-900 px-4 py-2 text-left font-mono text-sm text-slate-100 dark:bg-black">npm run ingest</pre>
      <p className="mt-3">
        <code className="font-mono">npm start</code> 는 시작할 때 이 작업을 자동으로 합니다.
      </p>
    </EmptyState>
  );
}
