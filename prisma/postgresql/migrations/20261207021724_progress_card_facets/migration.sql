-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "domain" TEXT,
ADD COLUMN     "questionArchived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "topicKey" TEXT;

-- CreateIndex
CREATE INDEX "Card_progress_covering_idx" ON "Card"("learnerId", "questionArchived", "suspended", "topicKey", "domain", "state", "stability", "lastReview", "due", "leech");

-- CreateIndex
CREATE INDEX "Card_questionId_idx" ON "Card"("questionId");

-- Card."domain", "topicKey" (the question's first topic by key) and "questionArchived" are
-- copies of the question's, kept here and nowhere in the app (the same triggers as SQLite's).
UPDATE "Card" SET
    "domain" = (SELECT q."domain" FROM "Question" q WHERE q."id" = "Card"."questionId"),
    "questionArchived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = "Card"."questionId"), false),
    "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId");

CREATE FUNCTION "card_facets_fill"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW."domain" := (SELECT q."domain" FROM "Question" q WHERE q."id" = NEW."questionId");
    NEW."questionArchived" := COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = NEW."questionId"), false);
    NEW."topicKey" := (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId");
    RETURN NEW;
END $$;

CREATE TRIGGER "Card_facets_before_write" BEFORE INSERT OR UPDATE OF "questionId", "domain", "topicKey", "questionArchived" ON "Card"
    FOR EACH ROW EXECUTE FUNCTION "card_facets_fill"();

CREATE FUNCTION "card_facets_from_question"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "Card" SET "domain" = NEW."domain", "questionArchived" = (NEW."archivedAt" IS NOT NULL) WHERE "questionId" = NEW."id";
    RETURN NULL;
END $$;

CREATE TRIGGER "Question_facets_after_update" AFTER UPDATE OF "domain", "archivedAt" ON "Question"
    FOR EACH ROW EXECUTE FUNCTION "card_facets_from_question"();

CREATE FUNCTION "card_facets_from_topics"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = OLD."questionId") WHERE "questionId" = OLD."questionId";
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId") WHERE "questionId" = NEW."questionId";
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER "QuestionTopic_facets_after_write" AFTER INSERT OR UPDATE OR DELETE ON "QuestionTopic"
    FOR EACH ROW EXECUTE FUNCTION "card_facets_from_topics"();
