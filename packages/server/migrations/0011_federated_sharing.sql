-- Sharing requests across nodes. A request opened on the borrower's node is
-- sent, in the transaction that opens it, to the lender's and the decider's
-- nodes, which keep a copy under the same id; the decision travels back the
-- same way. `origin` is the jurisdiction whose message created the copy
-- (NULL for a request opened here); `asker_alert` is the alert level the
-- asking party stated, which every node decides the release condition with.
ALTER TABLE stock_requests ADD COLUMN origin text;
ALTER TABLE stock_requests ADD COLUMN asker_alert jsonb;

-- An alert's updates go to the recipients of the alert, found by its id.
CREATE INDEX federation_outbox_alert ON federation_outbox (sender, (envelope->'payload'->>'alertId'))
  WHERE type IN ('alert', 'alert-update');
