# Own wire format: "GUESS <n>" lines in; "+" (higher), "-" (lower), "=" (correct) or
# "?" (not a valid guess) lines out.
import os
import random
import socket
import threading

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5002))


def game(c):
    n = random.randint(1, 100)
    f = c.makefile("rwb")
    try:
        for line in f:
            parts = line.decode(errors="replace").split()
            if len(parts) != 2 or parts[0] != "GUESS" or not parts[1].isdigit() or not 1 <= int(parts[1]) <= 100:
                f.write(b"?\n")
            elif int(parts[1]) < n:
                f.write(b"+\n")
            elif int(parts[1]) > n:
                f.write(b"-\n")
            else:
                f.write(b"=\n")
                f.flush()
                break
            f.flush()
    except OSError:
        pass
    f.close()
    c.close()


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((HOST, PORT))
s.listen(10)
while True:
    c, _ = s.accept()
    threading.Thread(target=game, args=(c,), daemon=True).start()
