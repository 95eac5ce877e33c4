-- one row per file content already in the ledger, with its status
SELECT file_id, status FROM source_files;
