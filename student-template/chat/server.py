"""chat server: a chat room for many clients at once (TCP).

Read chat/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys
import threading

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5003))

clients = {}  # connection -> name, shared by all threads
lock = threading.Lock()


def handle(conn):
    # TODO 3: read the first line (buffer until "\n"): the name; add conn to clients; tell the others "* name joined"
    # TODO 4: loop: read each line and send "name: text\n" to every other client (not back to the sender)
    # TODO 5: b"" or ConnectionResetError: stop reading, remove conn, close it, tell the others "* name left"
    pass


def main():
    # TODO 1: bind to (HOST, PORT) and listen
    # TODO 2: loop: accept a client and start handle(conn) in a thread of its own
    sys.exit("chat/server.py is not written yet: follow its TODOs and chat/PROTOCOL.md")


if __name__ == "__main__":
    main()
