-- A topic's markdown was written on every ingest and read by nothing: the notes' own text is
-- stored with the notes (Note.content) and each topic's lines with its sources (TopicSource).
-- Dropping it saves a copy of every note in the database and ~100 MB of memory on a large ingest.
ALTER TABLE "Topic" DROP COLUMN "markdown";
