import type { Metadata } from "next";
import Link from "next/link";
import { LeechList } from "@/components/review/leech-list";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button-link";
import { requestContext } from "@/lib/server/context";
import { listLeeches } from "@/lib/server/review";
import { markRestudiedAction } from "./actions";

export const metadata: Metadata = { title: "거머리 카드" };

export default async function LeechesPage() {
  const { db, learnerId } = await requestContext();
  const { threshold, leeches } = await listLeeches(db, learnerId);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">거머리 카드</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {threshold}번 이상 잊은 카드입니다. 반복만으로는 잘 붙지 않으니, 출처 주제를 다시 읽고 개념을 정리한 뒤 복습하세요.
        </p>
      </header>
      {leeches.length === 0 ? (
        <EmptyState icon="check" title="거머리 카드가 없습니다" actions={<Link href="/review" className={buttonClasses("primary")}>복습으로</Link>}>
          <p>{threshold}번 이상 잊은 카드가 생기면 여기에 모입니다.</p>
        </EmptyState>
      ) : (
        <LeechList leeches={leeches} action={markRestudiedAction} />
      )}
    </div>
  );
}
