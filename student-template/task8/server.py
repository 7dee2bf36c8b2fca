"""task8 server: binary files over UDP, several clients at once.

Read task8/PROTOCOL.md first: it says exactly what is sent, in what order, and
what the grader checks. Replace every TODO with your code.
"""

import os
import socket
import sys

# The grader sets HOST and PORT; the defaults are the exercise's, for running by hand.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = int(os.environ.get("PORT", 59))


def main():
    # TODO 1: create a UDP socket and bind it to (HOST, PORT)
    # TODO 2: a request datagram holds a file name: answer ERROR <message> when the file is not there
    # TODO 3: otherwise send DATA <n>\n + chunk (at most 4096 bytes), wait for ACK <n>, then the next chunk; END <count> after the last ACK
    # TODO 4: serve several clients at once (a thread and a new socket per client works) and resend a chunk whose ACK does not come
    sys.exit("task8/server.py is not written yet: follow its TODOs and task8/PROTOCOL.md")


if __name__ == "__main__":
    main()
