import type { Metadata } from "next";
import { OptimizerPanel } from "@/components/settings/optimizer-panel";
import { SettingsForm } from "@/components/settings/settings-form";
import { Card, SectionTitle } from "@/components/ui/card";
import { requestContext } from "@/lib/server/context";
import { fetchSettingsView } from "@/lib/server/review";
import { readExamDate } from "@/lib/server/progress";
import { optimizeAction, saveSettingsAction } from "./actions";
import { formatDateTime } from "@/lib/core/format/datetime";

export const metadata: Metadata = { title: "설정" };


export default async function SettingsPage() {
  const { db, learnerId } = await requestContext();
  const [{ settings, optimizer }, examDate] = await Promise.all([fetchSettingsView(db, learnerId), readExamDate(db, learnerId)]);
  const timeZones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">설정</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">복습 일정(FSRS)을 내 공부 방식에 맞춥니다. 바꾼 값은 다음 카드부터 적용됩니다.</p>
      </header>
      <Card as="section" labelledBy="review-settings-title" className="sm:p-6">
        <SectionTitle id="review-settings-title" className="mb-4 text-lg">
          복습
        </SectionTitle>
        <SettingsForm settings={settings} timeZones={timeZones} action={saveSettingsAction} examDate={examDate ? examDate.toISOString().slice(0, 10) : ""} />
      </Card>
      <Card as="section" labelledBy="optimizer-title" className="sm:p-6">
        <SectionTitle id="optimizer-title" className="mb-2 text-lg">
          개인 매개변수 (FSRS 최적화)
        </SectionTitle>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          내 복습 기록으로 기억 모델을 학습해 간격을 더 정확히 맞춥니다. 로그 손실은 모델이 내 기억/망각을 얼마나 잘 예측하는지 나타내며 낮을수록 좋습니다.
        </p>
        <OptimizerPanel
          summary={{
            reviewCount: optimizer.reviewCount,
            minReviews: settings.optimizeMinReviews,
            usingPersonalParameters: optimizer.usingPersonalParameters,
            logLossBefore: optimizer.fsrsLogLossBefore,
            logLossAfter: optimizer.fsrsLogLossAfter,
            optimizedAt: optimizer.fsrsOptimizedAt ? formatDateTime(optimizer.fsrsOptimizedAt, settings.timeZone) : null,
          }}
          action={optimizeAction}
        />
      </Card>
    </div>
  );
}
