package org.gridmend.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dispatcher board")
class BoardController {

    private final BoardService board;

    BoardController(BoardService board) {
        this.board = board;
    }

    @GetMapping(path = "/api/board", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Open incidents with minutes left on the arrival commitment, crews' last positions, failed "
                    + "messages and today's figures (dispatchers, auditors, admins)")
    BoardService.Board board() {
        return board.now();
    }

    @GetMapping(path = "/api/board/map", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The board map's base: transformer areas (position, feeder, customers) and the tile layer "
                    + "URL when configured")
    BoardService.MapBase map() {
        return board.mapBase();
    }
}
