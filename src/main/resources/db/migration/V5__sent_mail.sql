-- The mails already sent, so that a retried or repeated step never sends one twice. A row is written in the engine
-- job's transaction before the mail goes out: a failed send rolls it back, and the retry sends. cycle is the
-- countdown's reference date (ISO instant) for a notice, 'final' for the deletion mail. No personal data: the id
-- leads to the individual.
CREATE TABLE sent_mail (
    individual_id VARCHAR(64) NOT NULL REFERENCES individual (id),
    kind          VARCHAR(20) NOT NULL,
    cycle         VARCHAR(40) NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (individual_id, kind, cycle),
    CONSTRAINT ck_sent_mail_kind CHECK (kind IN ('NOTICE', 'DELETION'))
);
