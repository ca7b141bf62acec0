import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'pi.utokyo@example.org', maxLength: 254 })
  @IsString()
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'jointcall-demo', maxLength: 1024 })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}

export class RefreshTokenDto {
  @ApiProperty({ description: 'The refresh token from the last login or refresh; each is usable once.', maxLength: 200 })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'JWT for the Authorization header; valid 15 minutes.' }) accessToken: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
  @ApiProperty({ description: 'Opaque; exchange it once with refreshToken for a new pair.' }) refreshToken: string;
  @ApiProperty({ format: 'date-time' }) refreshTokenExpiresAt: string;
}

export class BrowserSessionDto {
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ description: 'JWT for the Authorization header; valid 15 minutes. Keep it in memory only.' }) accessToken: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
}
