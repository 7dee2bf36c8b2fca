import json
import os
import socket

PORT = int(os.environ.get("PORT", 65432))

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", PORT))
srv.listen()
while True:
    conn, addr = srv.accept()
    f = conn.makefile("rw", encoding="utf-8")
    try:
        for line in f:
            request = json.loads(line)
            print("Received:", request["text"])
            f.write(json.dumps({"echo": request["text"]}) + "\n")
            f.flush()
            if request["text"].strip().lower() == "bye":
                break
    except (ConnectionError, ValueError):
        pass
    f.close()
    conn.close()
