-- quotations of this chunk of articles
INSERT INTO quotes BY NAME SELECT * FROM incoming_quotes;
