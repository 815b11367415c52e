import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteNav } from "@/components/layout/site-nav";
import "./globals.css";

// Every page reads the learner's database; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "구름 — AWS SAA-C03 학습", template: "%s · 구름" },
  description: "내 노트로 공부하는 AWS Solutions Architect – Associate 학습 앱",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ko">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased dark:bg-slate-950 dark:text-slate-100">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:p-2 dark:focus:bg-slate-900">
          본문으로 건너뛰기
        </a>
        <SiteNav />
        <main id="main" className="mx-auto max-w-5xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
