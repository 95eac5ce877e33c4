-- actor mentions of this chunk of articles
INSERT INTO mentions BY NAME SELECT * FROM incoming_mentions;
