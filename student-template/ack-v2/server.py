"""ack-v2 server: echo with "Server received: " until bye (TCP).

Read ack-v2/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 65432))


def main():
    # TODO 1: create a TCP socket, set SO_REUSEADDR before bind(), bind it to (HOST, PORT) and listen
    # TODO 2: in a loop: accept() a client, serve it, close its socket, accept() the next
    # TODO 3: serving: collect bytes until a "\n" (buffer), print each message, answer "Server received: " + message + "\n"
    # TODO 4: after answering bye (any case) close the connection yourself; recv() returning b"" means the client left (leave the loop: do not spin); catch ConnectionResetError
    sys.exit("ack-v2/server.py is not written yet: follow its TODOs and ack-v2/PROTOCOL.md")


if __name__ == "__main__":
    main()
