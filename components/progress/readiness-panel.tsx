// Exam readiness: today's estimated scaled score with its 90% band on the 100–1000 scale, the
// exam-date forecast (stop now / current pace), "다음에 할 일", and how it is all computed.
import Link from "next/link";
import { scaleLinear } from "d3-scale";
import { reviewHref, topicHref } from "@/lib/core/hrefs";
import { formatDate } from "@/lib/core/format/datetime";
import { SAA_C03 } from "@/lib/core/exam/types";
import { MEMORY_EVIDENCE_CAP, PACE_WINDOW_DAYS, type ScoreBand } from "@/lib/core/progress/readiness";
import type { ReadinessView } from "@/lib/core/progress/views";
import { buttonClasses } from "@/components/ui/button-link";
import { percent } from "./format";

const WIDTH = 400;
const HEIGHT = 60;
const PAD = 14;

/** The score band on the exam's scale with the pass mark; role="img" with the numbers in words. */
export function ScoreBandChart({ id, band, label }: { id: string; band: ScoreBand; label: string }) {
  const x = scaleLinear().domain([SAA_C03.minScaled, SAA_C03.maxScaled]).range([PAD, WIDTH - PAD]);
  const text = `${label}: ${band.scaled}점 (90% 범위 ${band.scaledLow}–${band.scaledHigh}점), 합격선 ${SAA_C03.passScaled}점`;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`} className="h-auto w-full max-w-2xl text-slate-600 dark:text-slate-400">
      <title id={`${id}-title`}>{text}</title>
      <rect x={x(SAA_C03.minScaled)} y={22} width={x(SAA_C03.maxScaled) - x(SAA_C03.minScaled)} height={12} rx={6} className="fill-slate-100 dark:fill-slate-800" />
      <rect x={x(band.scaledLow)} y={22} width={Math.max(2, x(band.scaledHigh) - x(band.scaledLow))} height={12} rx={6} className={band.passes ? "fill-emerald-200 dark:fill-emerald-900" : "fill-sky-200 dark:fill-sky-900"} />
      <line x1={x(SAA_C03.passScaled)} x2={x(SAA_C03.passScaled)} y1={14} y2={42} strokeWidth={2} strokeDasharray="3 2" className="stroke-amber-500 dark:stroke-amber-400" />
      <circle cx={x(band.scaled)} cy={28} r={7} className={band.passes ? "fill-emerald-600 dark:fill-emerald-400" : "fill-sky-700 dark:fill-sky-400"} />
      {[SAA_C03.minScaled, 400, SAA_C03.passScaled, SAA_C03.maxScaled].map((tick) => (
        <text key={tick} x={x(tick)} y={58} textAnchor="middle" fontSize={11} fill="currentColor" fontWeight={tick === SAA_C03.passScaled ? 700 : 400}>
          {tick}
        </text>
      ))}
    </svg>
  );
}

export function ReadinessPanel({ readiness, compact = false }: { readiness: ReadinessView; compact?: boolean }) {
  const { estimate, forecast, examDate } = readiness;
  return (
    <div className="space-y-4" data-readiness>
      {estimate ? (
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">오늘 시험을 본다면 (추정 환산 점수)</p>
          <p className="mt-1 flex flex-wrap items-baseline gap-x-3">
            <span className="text-4xl font-bold tabular-nums text-slate-900 dark:text-slate-50" data-readiness-score={estimate.scaled}>
              {estimate.scaled}점
            </span>
            <span className="text-sm tabular-nums text-slate-700 dark:text-slate-300" data-readiness-band={`${estimate.scaledLow}-${estimate.scaledHigh}`}>
              90% 범위 {estimate.scaledLow}–{estimate.scaledHigh}점
            </span>
            <span className={`text-sm font-semibold ${estimate.passes ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}>{estimate.passes ? "합격선 이상" : `합격선(${SAA_C03.passScaled})까지 ${SAA_C03.passScaled - estimate.scaled}점`}</span>
          </p>
          <ScoreBandChart id={compact ? "home-band" : "readiness-band"} band={estimate} label="오늘의 추정 점수" />
        </div>
      ) : (
        <p className="text-sm text-slate-700 dark:text-slate-300" data-readiness-empty>
          아직 추정할 근거가 없습니다. 카드를 복습하거나 모의고사를 풀면 점수를 추정합니다.
        </p>
      )}

      {!compact ? (
        <div className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800" data-forecast>
          {!examDate ? (
            <p>
              시험 날짜를 정하면 그날의 예상 점수를 보여 줍니다.{" "}
              <Link href="/settings#examDate" className="font-medium text-sky-700 underline dark:text-sky-400">
                설정에서 시험 날짜 정하기
              </Link>
            </p>
          ) : !forecast ? (
            <p>시험 날짜({formatDate(examDate, "UTC")})가 지났습니다. 설정에서 새 날짜를 정하세요.</p>
          ) : (
            <div className="space-y-1.5">
              <p className="font-semibold">
                시험 날짜 {formatDate(examDate, "UTC")} · {forecast.daysLeft === 0 ? "오늘" : `${forecast.daysLeft}일 남음`}
              </p>
              <p data-stop-now>
                지금 공부를 멈추면 그날 기억할 확률은 평균 {percent(forecast.stopNowRetrievability)}
                {forecast.stopNow ? `, 예상 점수 ${forecast.stopNow.scaled}점 (${forecast.stopNow.scaledLow}–${forecast.stopNow.scaledHigh}점)` : ""}입니다.
              </p>
              <p data-pace>
                최근 {PACE_WINDOW_DAYS}일 속도(하루 새 카드 {forecast.pacePerDay.toFixed(1)}장)로 계속하면 예상 {forecast.paceScaled}점 —{" "}
                <strong className={forecast.paceReaches ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>{forecast.paceReaches ? "합격선에 닿습니다" : "합격선에 못 미칩니다"}</strong>
                {!forecast.paceReaches
                  ? forecast.neededPerDay != null
                    ? `. 하루 새 카드 약 ${forecast.neededPerDay}장이면 닿습니다.`
                    : ". 새 카드만으로는 부족합니다: 복습 정답률을 먼저 올리세요."
                  : "."}
              </p>
            </div>
          )}
        </div>
      ) : null}

      {!compact && readiness.next.length ? (
        <div>
          <h3 className="text-sm font-semibold text-slate-900 dark:text-slate-100">다음에 할 일</h3>
          <p className="text-xs text-slate-600 dark:text-slate-400">공부하면 추정 점수가 가장 많이 오르는 주제 (영역 비중 × 아직 모르는 몫)</p>
          <ol className="mt-2 space-y-2" data-next-actions>
            {readiness.next.map((action) => (
              <li key={action.topicKey} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 dark:border-slate-800">
                <span className="min-w-0">
                  {action.topicSlug ? (
                    <Link href={topicHref(action.topicSlug)} className="font-medium text-sky-700 hover:underline dark:text-sky-400">
                      {action.label}
                    </Link>
                  ) : (
                    <span className="font-medium">{action.label}</span>
                  )}
                  <span className="ml-2 text-xs text-slate-600 dark:text-slate-400">
                    숙달도 {percent(action.mastery)} · 카드 {action.cards}장 · 최대 +{action.gainScaled}점
                  </span>
                </span>
                <Link href={reviewHref({ topic: action.topicKey })} className={buttonClasses("secondary")} data-review-topic={action.topicKey}>
                  지금 복습
                </Link>
              </li>
            ))}
          </ol>
        </div>
      ) : null}

      {!compact ? (
        <details className="text-sm text-slate-700 dark:text-slate-300">
          <summary className="inline-flex min-h-9 cursor-pointer items-center font-medium text-sky-700 dark:text-sky-400">이 점수는 어떻게 계산하나요?</summary>
          <ol className="mt-2 list-decimal space-y-1.5 pl-5">
            <li>영역마다 숙달도를 구합니다: 그 영역 카드 전부의 지금 기억할 확률(FSRS 망각 곡선) 평균이며, 아직 보지 않은 카드는 0으로 칩니다 (찍어서 맞히는 몫은 빼는 보수적인 가정).</li>
            <li>최근 30일 안에 끝낸 모의고사의 영역별 정답 수를 더합니다. 실제 시험 문제에 답한 기록이라 한 문제가 카드 하나만큼 무게를 갖습니다.</li>
            <li>
              둘을 영역마다 베타 분포로 합칩니다: α = ½ + 숙달도 × n + 맞힌 수, β = ½ + (1 − 숙달도) × n + 틀린 수. n 은 본 카드 수이고 최대 {MEMORY_EVIDENCE_CAP}장으로 자릅니다(FSRS 예측 자체도 불확실하므로). 본 카드가 적을수록 범위가 넓어집니다.
            </li>
            <li>SAA-C03 영역 비중(보안 30%, 복원력 26%, 고성능 24%, 비용 20%)으로 가중 평균해 정답률을 구하고, 분산을 더해 90% 범위(±1.645 표준편차)를 냅니다.</li>
            <li>정답률을 모의고사와 같은 방식으로 환산합니다: 0% → 100점, 72% → 720점(합격선), 100% → 1000점. AWS 는 실제 환산표를 공개하지 않으므로 근사치입니다.</li>
            <li>멈출 때 예측은 각 카드가 시험 날까지 망각 곡선을 따라 잊는다고 보고(모의고사 결과도 같은 비율로), 속도 예측은 최근 {PACE_WINDOW_DAYS}일의 하루 새 카드 수가 이어지고 본 카드는 지금의 기억률을 유지한다고 봅니다.</li>
          </ol>
        </details>
      ) : null}
    </div>
  );
}
