import type { Metadata } from "next";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "주소를 읽을 수 없습니다" };

// proxy.ts rewrites here when a path's percent-encoding cannot be decoded; the page itself is
// only ever "not found", so the learner sees not-found.tsx below with a 404.
export default function InvalidAddressPage(): never {
  notFound();
}
