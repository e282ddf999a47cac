-- A booking or customer that shows exactly what the server confirmed keeps that JSON once, in payload: server_payload
-- holds the server's copy only while a local change shows something else (see ServerCopy). Rows written before this
-- kept both; clearing the second copy frees the space and reads the same.
UPDATE booking SET server_payload = NULL WHERE server_payload = payload AND revision > 0;
UPDATE customer SET server_payload = NULL WHERE server_payload = payload AND revision > 0;
