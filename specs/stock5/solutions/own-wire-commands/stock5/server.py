import os
import random
import socket
import threading
import time

HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5000))

# my own format: "PRICE <symbol>" gets "OK <symbol> <price>" or "NO <symbol>"; "QUIT" gets "GOODBYE"
prices = {"AAPL": 189.50, "GOOG": 141.20, "MSFT": 378.85, "AMZN": 145.30, "TSLA": 242.65}


def client_thread(conn):
    f = conn.makefile("rwb")
    try:
        for line in f:
            words = line.decode(errors="replace").split()
            if words == ["QUIT"]:
                f.write(b"GOODBYE\n")
                f.flush()
                break
            if len(words) == 2 and words[0] == "PRICE":
                sym = words[1].upper()
                if sym in prices:
                    f.write(f"OK {sym} {prices[sym]:.2f}\n".encode())
                else:
                    f.write(f"NO {sym}\n".encode())
                f.flush()
    except OSError:
        pass
    finally:
        f.close()
        conn.close()


listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind((HOST, PORT))
listener.listen(10)
while True:
    c, a = listener.accept()
    threading.Thread(target=client_thread, args=(c,), daemon=True).start()
