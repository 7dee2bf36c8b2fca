"""task8 client: binary files over UDP, several clients at once.

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
    # TODO 1: take the file name from sys.argv[1], or input() when there is none
    # TODO 2: send the name to (HOST, PORT); read datagrams with recvfrom(65535)
    # TODO 3: for each DATA <n>: keep the chunk, send ACK <n> to the address the DATA came from
    # TODO 4: on END <count>: write the chunks in order to a file of that name, print a line, exit 0; on ERROR: print it, write no file, sys.exit(1)
    sys.exit("task8/client.py is not written yet: follow its TODOs and task8/PROTOCOL.md")


if __name__ == "__main__":
    main()
