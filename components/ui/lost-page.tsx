// The app's "nothing here" page: a title, why, and the ways back (topics, search, home).
import type { ReactNode } from "react";
import { ButtonLink } from "./button-link";
import { EmptyState } from "./empty-state";

export function LostPage({ title, children }: { title: string; children: ReactNode }) {
  return (
    <EmptyState
      title={title}
      icon="compass"
      actions={
        <>
          <ButtonLink href="/topics">주제 목록</ButtonLink>
          <ButtonLink href="/search" variant="secondary">
            검색
          </ButtonLink>
          <ButtonLink href="/" variant="secondary">
            처음으로
          </ButtonLink>
        </>
      }
    >
      {children}
    </EmptyState>
  );
}
