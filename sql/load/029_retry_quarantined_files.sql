-- files quarantined for a cause outside them (unreadable, over the size cap) that this
-- batch read again and loaded: the ledger row says what they are now
UPDATE source_files
SET format = i.format,
    encoding = i.encoding,
    text_sha256 = i.text_sha256,
    status = i.status,
    duplicate_of = i.duplicate_of,
    run_id = i.run_id
FROM incoming_source_files AS i
WHERE source_files.file_id = i.file_id
    AND source_files.status = 'quarantined'
    AND i.status <> 'quarantined';
