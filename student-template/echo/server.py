"""echo server: sends back every byte a client sends (TCP).

Read echo/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 5001))


def main():
    # TODO 1: bind to (HOST, PORT) and listen
    # TODO 2: loop: accept a client; then loop: recv() some bytes, sendall() them back unchanged
    # TODO 3: recv() returning b"" means the client closed: close that connection, accept the next client
    # TODO 4: a client that disconnects abruptly (ConnectionResetError) must not stop the server
    sys.exit("echo/server.py is not written yet: follow its TODOs and echo/PROTOCOL.md")


if __name__ == "__main__":
    main()
