import ArgumentParser
import HocTapCLI

HocTapCommand.main()
