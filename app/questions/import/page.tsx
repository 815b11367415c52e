import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/components/questions/import-form";
import { ImportedBankList } from "@/components/questions/imported-bank-list";
import { formatDateTime } from "@/components/questions/labels";
import { getDb } from "@/lib/server/db";
import { listImportedBanks } from "@/lib/server/questions/browse";
import { importBankAction, removeBankAction } from "./actions";
import { IMPORT_MAX_BYTES } from "./limits";

export const metadata: Metadata = { title: "문제 가져오기" };

export default async function ImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const removedParam = (await searchParams).removed;
  const removed = typeof removedParam === "string" ? removedParam.slice(0, 120) : null;
  const banks = (await listImportedBanks(getDb())).map((bank) => ({ ...bank, createdLabel: formatDateTime(bank.createdAt) }));
  return (
    <div className="space-y-6">
      <nav aria-label="이동 경로" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/questions" className="hover:underline">
          문제
        </Link>{" "}
        / 가져오기
      </nav>
      <PageHeader
        title="문제 가져오기"
        description="커뮤니티에서 받은 마크다운 문제 은행을 올리면 새 은행으로 저장됩니다. 같은 파일 이름으로 다시 올리면 그 은행을 갱신합니다."
      >
        <ul className="list-disc space-y-1 pl-5 text-sm text-slate-700 dark:text-slate-300">
          <li>
            형식 (a): <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">###</code> 제목 아래 <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">- [x]</code> 정답, 
            <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">- [ ]</code> 오답 선택지. &ldquo;(Choose two.)&rdquo; 같은 개수 힌트를 읽습니다.
          </li>
          <li>
            형식 (b): <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">- A) …</code> 선택지와 <code className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">**Answer:** A, B</code> 줄.
          </li>
          <li>정답 표시가 없거나, 중복이거나(띄어쓰기만 다른 것도 중복), 형식이 깨진 문제는 줄 번호와 함께 알려 주고 건너뜁니다. 선택지도 정답 줄도 없는 제목(목차, Support 같은 절)은 문제가 아닌 절로 따로 셉니다.</li>
          <li>선택지는 A–F 6개까지 보여 줍니다. 7개 이상이면 F 뒤의 오답을 빼고(해설에 남겨) 가져오고, F 뒤에 정답이 있으면 건너뜁니다. 그림은 [그림: …] 자리표시로 바꿉니다. 둘 다 줄 번호와 함께 알려 줍니다.</li>
          <li>이전에 가져온 문제가 빠져 보관될 때, 또는 이미 가져온 은행과 같은 문제들을 새 은행으로 가져올 때는 먼저 몇 개인지 보여 주고 묻습니다.</li>
        </ul>
      </PageHeader>

      {removed && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200">
          &lsquo;{removed}&rsquo; 은행을 삭제했습니다.
        </p>
      )}

      <ImportForm action={importBankAction} maxBytes={IMPORT_MAX_BYTES} />

      <section aria-labelledby="imported-banks-title" className="space-y-3">
        <h2 id="imported-banks-title" className="text-lg font-semibold">
          가져온 은행 <span className="text-sm font-normal text-slate-500 dark:text-slate-400">({banks.length})</span>
        </h2>
        <ImportedBankList banks={banks} removeAction={removeBankAction} />
      </section>
    </div>
  );
}
