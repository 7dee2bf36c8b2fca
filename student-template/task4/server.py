"""task4 server: two-way chat (TCP).

Read task4/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 54))


def main():
    # TODO 1: bind to (HOST, PORT), listen, accept ONE client
    # TODO 2: loop: read a line from the client (buffer until "\n"), print it; then input() a line and send it with "\n"
    # TODO 3: BYE in any letter case, from either side, ends the chat: the one who types it sends it, then closes
    # TODO 4: the client leaving (recv() returns b""), a reset, or Ctrl+D (EOFError) also end it: no traceback
    # TODO 5: close the sockets and exit with code 0 once the chat has ended
    sys.exit("task4/server.py is not written yet: follow its TODOs and task4/PROTOCOL.md")


if __name__ == "__main__":
    main()
