package org.gongzhi.request.estate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A building to register, with its units and households. */
@Schema(description = "A building with its units and households", example = """
        {"code": "7", "name": "7号楼", "floors": 6, "gridX": 3, "gridY": 1, "units": [{"code": "1",
         "households": [{"code": "101", "floorArea": 62.5}, {"code": "102", "floorArea": 70}]}]}""")
public record NewBuilding(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,16}") String code,
        @NotBlank @Size(max = 64) String name,
        @Min(1) @Max(60) int floors,
        @Min(0) @Max(999) int gridX,
        @Min(0) @Max(999) int gridY,
        @NotNull @Size(max = 20) List<@Valid NewUnit> units) {

    public record NewUnit(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,8}") String code,
            @NotNull @Size(max = 400) List<@Valid NewHousehold> households) {
    }

    public record NewHousehold(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{1,8}") String code,
            @NotNull @DecimalMin("5") @DecimalMax("2000") BigDecimal floorArea) {
    }
}
