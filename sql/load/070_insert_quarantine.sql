-- files and articles this batch rejected, with their reason codes
INSERT INTO quarantine BY NAME
SELECT * FROM incoming_quarantine;
